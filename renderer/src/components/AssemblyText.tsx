import { useTranslation } from 'react-i18next';
import type { NodeUpdate } from '../../../shared/search/results';

/** A node's assembly and where it was learnt, and the converted coordinates it was asked in. */
export function AssemblyText({ node }: { node: NodeUpdate }) {
  const { t } = useTranslation();
  if (node.assembly === undefined) return null;
  if (node.assembly.source === 'unasked') return <>{t('interop.assembly.unasked')}</>;
  return (
    <>
      {t('interop.assembly.value', {
        name: node.assembly.name,
        source: t(`interop.assembly.source.${node.assembly.source}`),
      })}
      {node.asked === undefined ? null : (
        <div className="hint">{t('interop.assembly.asked', { asked: node.asked })}</div>
      )}
    </>
  );
}
