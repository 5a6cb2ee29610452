import { DISEASES_TSV, ANNOTATIONS_VERSION } from '../../../shared/ranking/annotations.data';
import type { DiseaseHit } from '../../../shared/cases/diseaseSearch';
import { parseDiseaseRows, searchDiseases } from '../../../shared/cases/diseaseSearch';
import type { Handlers } from '../ipc/router';

let rows: DiseaseHit[] | undefined;

/** 'case:diseases': the diagnosis picker's search over the shipped HPO annotations (issue 18). */
export function diseaseHandlers(): Pick<Handlers, 'case:diseases'> {
  return {
    'case:diseases': ({ query, limit }) => {
      rows ??= parseDiseaseRows(DISEASES_TSV);
      return {
        diseases: searchDiseases(rows, query, limit),
        version: `HPO annotations ${ANNOTATIONS_VERSION.hpoa}`,
      };
    },
  };
}
