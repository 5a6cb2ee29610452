/**
 * The demo federation's catalogue: nodes, their datasets and each dataset's access policy.
 * One source of truth for the generator, the nodes, the AAI seed and the tests.
 */
export type NodeId = 'FI' | 'IT' | 'ES' | 'PT' | 'SE';
export type SecurityLevel = 'PUBLIC' | 'REGISTERED' | 'CONTROLLED';
export type CohortKind = 'rare-disease' | 'cancer' | 'neuro';
export interface DuoCode {
    /** DUO term id, e.g. DUO:0000042 (GRU), DUO:0000043 (CC). */
    readonly id: string;
    readonly label: string;
    /** Beacon dataUseConditions modifiers: the disease(s) a DS term is restricted to. */
    readonly modifiers?: readonly {
        readonly id: string;
        readonly label: string;
    }[];
}
export interface DatasetPolicy {
    readonly id: string;
    readonly node: NodeId;
    readonly title: string;
    readonly kind: CohortKind;
    readonly securityLevel: SecurityLevel;
    readonly duo: readonly DuoCode[];
    /** Whether a clinician may keep a local (encrypted) copy: the node's data permit says so or not. */
    readonly allowLocalCopies: boolean;
    /** Counts below `threshold` are reported as a range "<threshold"; others rounded to `roundTo`. */
    readonly countRounding: {
        readonly threshold: number;
        readonly roundTo: number;
    };
    /** Relative size: individuals in the small profile; the large profile multiplies it. */
    readonly individuals: number;
}
export interface NodeInfo {
    readonly id: NodeId;
    readonly country: string;
    readonly name: string;
    readonly organisation: string;
    /** Default loopback port; `npm run federation` accepts overrides. */
    readonly port: number;
}
export declare const AAI_DEFAULT_PORT = 4400;
export declare const NODES: readonly NodeInfo[];
export declare const DATASETS: readonly DatasetPolicy[];
/**
 * The visa `value` naming a dataset (GA4GH ControlledAccessGrants: the dataset's URL). Stable across
 * ports; nodes map it to their dataset id by exact, case-sensitive match (PASS-05).
 */
export declare function datasetVisaValue(dataset: Pick<DatasetPolicy, 'id' | 'node'>): string;
/** The DAC that grants access to a node's controlled datasets (visa `source`). */
export declare function nodeDacSource(node: NodeId): string;
