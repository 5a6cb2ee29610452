import type { DatasetPolicy, NodeInfo } from '../../catalogue';
import type { NodeStore } from '../store/db';
import type { Vocabulary } from '../store/vocabulary';

/** What every Beacon handler of one node needs. */
export interface BeaconContext {
  node: NodeInfo;
  datasets: readonly DatasetPolicy[];
  store: NodeStore;
  vocab: Vocabulary;
  /** Public base URL of the Beacon API (…/api). */
  beaconUrl: string;
}

/** A handler's answer: the JSON body and the granularity it returned (for the access log). */
export interface BeaconAnswer {
  status?: number;
  body: unknown;
  granularity?: string;
}
