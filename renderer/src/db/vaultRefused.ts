import { VaultRefusalSchema } from '../../../shared/vault/vaultRefusal';
import { SaidError } from '../i18n/said';

/**
 * The error for a dataset the vault route did not give (issue 22, decision 0076): its coded
 * refusal (a JSON body, shared/vault/vaultRefusal.ts) worded as `said.datasetRefused`, else, for an
 * answer without one, the HTTP status alone (`said.datasetNotServed`). `english` is for the console.
 */
export async function vaultRefused(
  res: Response,
  datasetId: string,
  english: string,
): Promise<SaidError> {
  const status = String(res.status);
  const body: unknown = await res.json().catch(() => undefined);
  const refusal = VaultRefusalSchema.safeParse(body);
  if (!refusal.success)
    return new SaidError(
      { key: 'datasetNotServed', params: { dataset: datasetId, status } },
      english,
    );
  const { code, params } = refusal.data.said;
  return new SaidError(
    {
      key: 'datasetRefused',
      params: { ...params, dataset: datasetId, status, refusal: code },
    },
    `${english} ${refusal.data.message}`,
  );
}
