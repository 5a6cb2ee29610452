import { render } from '@testing-library/react';
import { createElement } from 'react';
import { ProblemList, type LocatedProblem } from '../ProblemList';

/** The text of each line the New-case dialog's problem list draws (the i18n tests read them). */
export const problemLines = (problems: readonly LocatedProblem[]): string[] =>
  [
    ...render(
      createElement(ProblemList, { problems, label: '', testId: 'p', tone: 'error' }),
    ).container.querySelectorAll('li'),
  ].map((li) => li.textContent);
