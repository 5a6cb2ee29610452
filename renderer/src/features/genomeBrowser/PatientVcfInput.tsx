import { useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { keepPatientFile } from '../../igv/patientFiles';
import { checkPatientVcf } from '../../igv/vcfCheck';
import { useStore } from '../../store';
import { patientVcfRefusal } from './vcfRefusal';

/**
 * Every VCF (plain, gzip or BGZF) is read by the app's one VCF reader before igv sees it, so a bad,
 * truncated or non-GRCh38 file is named with its line instead of showing as an empty track.
 */
async function openVcf(
  files: readonly File[],
  t: TFunction,
): Promise<{ ok: true; data: File; index?: File } | { ok: false; message: string }> {
  const data = files.find((f) => /\.vcf(\.gz|\.bgz)?$/i.test(f.name));
  const index = files.find((f) => /\.(tbi|csi)$/i.test(f.name));
  if (data === undefined)
    return {
      ok: false,
      message:
        files[0] === undefined
          ? t('genomeBrowser.vcfNoFile')
          : t('genomeBrowser.vcfNotVcf', { file: files[0].name }),
    };
  const check = await checkPatientVcf(data);
  if (!check.ok) return { ok: false, message: patientVcfRefusal(t, check) };
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
          void openVcf(files, t).then((r) => {
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
