import type { TFunction } from 'i18next';
import type { AppErrorKey, AppErrorParams } from '../../../shared/appError';
import i18n from '.';
import { wordedValues } from './codedText';

/** What of an error a person reads: main's English, and its code when main sent one. */
export interface Wordable {
  readonly message: string;
  readonly key?: AppErrorKey | undefined;
  readonly params?: AppErrorParams | undefined;
}

/**
 * An error in the app's language (issue 22, decision 0063): worded from its key and parameters
 * (`appError.*`) when main sent them, else main's English as it came (an error built before the
 * code existed, a transport failure). Stores call it when the error arrives, with the app's t.
 */
export const appErrorText = (error: Wordable, t: TFunction = i18n.t): string =>
  error.key === undefined
    ? error.message
    : t(`appError.${error.key}`, wordedValues(t, error.params));
