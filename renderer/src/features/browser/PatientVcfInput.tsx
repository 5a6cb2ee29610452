import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPatientFile } from '../../igv/patientFiles';
import { checkVcfText, describeVcfProblem } from '../../igv/vcfCheck';
import { useStore } from '../../store';

/** Plain VCFs are checked here first so a bad file is named with its line (igv would just skip it). */
async function openVcf(
  files: readonly File[],
): Promise<{ ok: true; data: File; index?: File } | { ok: false; message: string }> {
  const data = files.find((f) => /\.vcf(\.gz|\.bgz)?$/i.test(f.name));
  const index = files.find((f) => /\.(tbi|csi)$/i.test(f.name));
  if (data === undefined)
    return {
      ok: false,
      message: `${files[0]?.name ?? 'The file'} is not a VCF (.vcf or .vcf.gz).`,
    };
  if (/\.vcf$/i.test(data.name)) {
    const problem = checkVcfText(data.name, await data.text());
    if (problem !== undefined) return { ok: false, message: describeVcfProblem(problem) };
  }
  return index === undefined ? { ok: true, data } : { ok: true, data, index };
}

/** "Open patient VCF": a file input taking a VCF, or a bgzipped VCF with its tabix index. */
export function PatientVcfInput() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const add = useStore((s) => s.addBrowserTrack);
  const setError = useStore((s) => s.setBrowserError);
  return (
    <label className="button-like">
      {t('genomeBrowser.openVcf')}
      <input
        ref={input}
        type="file"
        multiple
        accept=".vcf,.gz,.bgz,.tbi,.csi"
        className="visually-hidden"
        data-testid="browser-open-vcf"
        aria-describedby="browser-vcf-help"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (input.current !== null) input.current.value = '';
          void openVcf(files).then((r) => {
            if (!r.ok) {
              setError(r.message);
              return;
            }
            setError(undefined);
            const id = `vcf-${r.data.name}`;
            keepPatientFile(id, r.data, r.index);
            add({ id, kind: 'patientVcf', name: r.data.name, source: r.data.name });
          });
        }}
      />
      <span id="browser-vcf-help" className="hint">
        {t('genomeBrowser.vcfHelp')}
      </span>
    </label>
  );
}
