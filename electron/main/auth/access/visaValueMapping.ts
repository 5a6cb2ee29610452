import type { VisaValueMapping } from '../../../../shared/federation/directory';
import type { PublishedDataset } from './datasetCatalog';

/**
 * The visa value that names a dataset at its node (PASS-05), or undefined when the node's mapping
 * cannot name it. Default `published`: the demo node publishes info.visaValue (= catalogue
 * datasetVisaValue, stable across ports); a GDI/EGA node without it is matched on externalUrl, or
 * configured as `dataset-id` (bare EGAD…) or a `template`.
 */
export function visaValueFor(dataset: PublishedDataset): string | undefined {
  const mapping: VisaValueMapping = dataset.node.visaValueMapping ?? { kind: 'published' };
  switch (mapping.kind) {
    case 'published':
      return dataset.publishedUrl;
    case 'dataset-id':
      return dataset.id;
    case 'template':
      return mapping.template.replaceAll('{id}', dataset.id);
  }
}

/** Exact, case-sensitive comparison (Passport spec: values are opaque strings; STANDARDS 2.7.9). */
export const visaValueMatches = (visaValue: string, dataset: PublishedDataset): boolean =>
  visaValueFor(dataset) === visaValue;
