import type { TFunction } from 'i18next';
import type { HistorySaid } from '../../../shared/cases/historySaid';
import { HISTORY_KEYS } from '../../../shared/cases/historySaid';
import { acmgRuleText } from './terms';

/**
 * What a history entry of a case's work says, in the app's language (issue 22, decision 0077):
 * a case status and an ACMG class worded from their codes, the rule met in words with its id,
 * counts in the language's plural forms; variant keys, tags, criteria codes and a diagnosis's id
 * and label as the data holds them.
 */
export function historyText(t: TFunction, said: HistorySaid): string {
  const p = said.params ?? {};
  const text = (name: string): string => {
    const v = p[name];
    return typeof v === 'string' ? v : '';
  };
  const values: Record<string, string | number> = { ...p };
  if (said.key === 'status')
    for (const name of ['from', 'to'])
      values[name] = t(`caseWork.statusName.${text(name)}`, { defaultValue: text(name) });
  if (said.key === 'confirmed') {
    values.cls = t(`terms.acmgClass.${text('cls')}`, { defaultValue: text('cls') });
    values.rule = acmgRuleText(t, text('rule'));
  }
  if (said.key === 'evidence')
    for (const name of ['accepted', 'rejected'])
      values[name] = text(name) === '' ? t('caseWork.historyWhat.none') : text(name);
  if (said.key === 'reviewed') {
    values.datasets = t('caseWork.historyWhat.reviewedDatasets', { count: Number(p.datasets) });
    values.nodes = t('caseWork.historyWhat.reviewedNodes', { count: Number(p.nodes) });
  }
  if (said.key === 'withdrawnBy') {
    const by = HISTORY_KEYS.find((k) => k === text('change') && k !== 'withdrawnBy');
    values.change = by === undefined ? '' : historyText(t, { key: by, params: p });
  }
  return t(`caseWork.historyWhat.${said.key}`, values);
}
