/** Set by webpack (DefinePlugin): the sample workbooks bundled into samples/, by file stem. */
declare const WORKBENCH_SAMPLES: readonly string[];
