/**
 * Individuals of one dataset: sex, birth-year band, country, trios (rare-disease cohorts), diagnoses
 * and HPO phenotypes from the cohort's clinical models, and the planted patients whose phenotypes
 * match their planted variant.
 */
import type { DatasetPolicy, NodeId } from '../catalogue';
import type { Sex } from '../reference';
import { tumourTypesOf } from '../reference/oncotree';
import { BACKGROUND_PHENOTYPES, MODELS, RANDOM_MODELS, type DiseaseModel } from './cohortModels';
import type { FamilyRole, Individual, ProfileConfig } from './model';
import { PLANTED } from './planted';
import { Rng } from './rng';

/** Datasets that are population references (unaffected individuals) despite their cohort kind. */
const POPULATION_DATASETS: ReadonlySet<string> = new Set(['ES-AF-01']);
const NEIGHBOURS: Readonly<Record<NodeId, readonly string[]>> = {
  FI: ['SE', 'EE', 'RU', 'DE'],
  IT: ['AL', 'RO', 'DE', 'FR'],
  ES: ['PT', 'MA', 'CO', 'FR'],
  PT: ['ES', 'BR', 'AO', 'FR'],
  SE: ['FI', 'NO', 'DK', 'PL'],
};
const TRIO_FRACTION = 0.05;

export interface DatasetIndividuals {
  readonly individuals: Individual[];
  /** Planted variant id → indexes of its affected carriers (probands). */
  readonly plantedCarriers: Map<string, number[]>;
}

function band(year: number): string {
  const decade = Math.floor(Math.min(2023, Math.max(1925, year)) / 10) * 10;
  return `${decade}-${decade + 9}`;
}

function phenotypes(rng: Rng, model: DiseaseModel): string[] {
  const out = new Set<string>(model.always);
  for (const t of model.often ?? []) if (rng.chance(0.6)) out.add(t);
  for (const t of model.sometimes ?? []) if (rng.chance(0.25)) out.add(t);
  if (out.size === 0 && model.atLeastOne)
    out.add(rng.pick([...(model.often ?? []), ...(model.sometimes ?? [])]));
  for (const [t, p] of BACKGROUND_PHENOTYPES) if (rng.chance(p)) out.add(t);
  return [...out].sort();
}

interface Slot {
  sex: Sex;
  model: DiseaseModel;
  planted: boolean;
}

/** Generates a dataset's individuals deterministically from the seed. */
export function generateIndividuals(
  seed: number,
  ds: DatasetPolicy,
  cfg: ProfileConfig,
): DatasetIndividuals {
  const rng = new Rng(seed, ds.id, 'individuals');
  const kind = POPULATION_DATASETS.has(ds.id) ? 'population' : ds.kind;
  const n = ds.individuals * cfg.individualsFactor;
  const trios = kind === 'rare-disease' ? Math.round(n * TRIO_FRACTION) : 0;
  const probands = n - 2 * trios;
  const femaleP = kind === 'cancer' ? 0.7 : 0.5;
  const randomSex = (): Sex =>
    rng.chance(0.005) ? 'unknown' : rng.chance(femaleP) ? 'female' : 'male';

  // Planted patients first (trio probands first, so recessive cases have carrier parents to show).
  const slots: (Slot | undefined)[] = new Array<Slot | undefined>(probands);
  const plantedCarriers = new Map<string, number[]>();
  const order = [
    ...rng.shuffled([...Array(trios).keys()]),
    ...rng.shuffled([...Array(probands - trios).keys()].map((i) => i + trios)),
  ];
  let next = 0;
  for (const p of PLANTED) {
    const k = (p.carriers[ds.id] ?? 0) * cfg.plantedFactor;
    const model = MODELS[p.model];
    if (k === 0 || !model) continue;
    const chosen: number[] = [];
    for (let i = 0; i < k && next < order.length; i++) {
      const idx = order[next++] as number;
      slots[idx] = { sex: model.sex ?? randomSex(), model, planted: true };
      chosen.push(idx);
    }
    plantedCarriers.set(p.variantId, chosen);
  }

  // Layout: trio probands at 3t, their parents at 3t+1, 3t+2; then the singletons.
  const individuals: Individual[] = [];
  const pIndex = new Map<number, number>();
  for (let i = 0; i < probands; i++) {
    let slot = slots[i];
    if (!slot) {
      const sex = randomSex();
      const options = RANDOM_MODELS[kind].filter(([m]) => {
        const only = MODELS[m]?.sex;
        return only === undefined || only === sex;
      });
      slot = {
        sex,
        model: MODELS[rng.weighted(options)] ?? (MODELS['healthy'] as DiseaseModel),
        planted: false,
      };
    }
    const born = Math.round(rng.normal(slot.model.born, slot.model.born >= 2000 ? 4 : 11));
    const country = rng.chance(0.93) ? ds.node : rng.pick(NEIGHBOURS[ds.node]);
    const inTrio = i < trios;
    const familyId = inTrio ? `${ds.id}-F${String(i + 1).padStart(4, '0')}` : null;
    const base = individuals.length;
    pIndex.set(i, base);
    individuals.push({
      id: '',
      sex: slot.sex,
      band: band(born),
      country,
      familyId,
      role: inTrio ? 'proband' : null,
      // The tumour type (OncoTree) is recorded beside the ICD-10 diagnosis it maps from (issue 19).
      diseases: [...slot.model.diseases, ...tumourTypesOf(slot.model.diseases)].sort(),
      phenotypes: phenotypes(rng, slot.model),
      mother: inTrio ? base + 1 : -1,
      father: inTrio ? base + 2 : -1,
    });
    if (inTrio) {
      for (const role of ['mother', 'father'] as const satisfies readonly FamilyRole[]) {
        individuals.push({
          id: '',
          sex: role === 'mother' ? 'female' : 'male',
          band: band(born - rng.int(22, 40)),
          country,
          familyId,
          role,
          diseases: [],
          phenotypes: phenotypes(rng, MODELS['healthy'] as DiseaseModel),
          mother: -1,
          father: -1,
        });
      }
    }
  }
  const named = individuals.map((ind, i) => ({
    ...ind,
    id: `${ds.id}-${String(i + 1).padStart(6, '0')}`,
  }));
  for (const [vid, slotsOf] of plantedCarriers)
    plantedCarriers.set(
      vid,
      slotsOf.map((s) => pIndex.get(s) as number),
    );
  return { individuals: named, plantedCarriers };
}
