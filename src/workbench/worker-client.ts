/**
 * The page's side of the document worker: calls by name that answer with a promise, progress and
 * view rows routed to the call that asked for them, and the worker's events (a change, a selection)
 * handed to whoever listens. `WorkerHost` is the host the pane talks to: each method a call.
 */
import type { CellFix, Progress, RevertOutcome, SelectedRange, WorkbookHost } from '../hosts/host';
import type { Workflow, WorkflowOptions } from '../hosts/workflow';
import type { EditPlan, Journal } from '../core/plan';
import type { StoredSettings } from '../core/settings/stored';
import { OpenError, type OpenFailure } from './document';
import { PartGatherer } from './parts';
import { ReplySchema, type DocumentApi, type Method, type Reply, type WireError } from './worker-protocol';

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onProgress?: Progress | undefined;
  /** The slices of the answer's long arrays, gathered as they come (./parts). */
  parts?: PartGatherer;
}

export interface CallOptions {
  onProgress?: Progress | undefined;
  transfer?: Transferable[];
}

function errorOf(e: WireError): Error {
  if (e.name === 'OpenError') return new OpenError((e.reason ?? 'corrupt') as OpenFailure, e.message);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}

export class DocumentWorker {
  private next = 1;
  private pending = new Map<number, Pending>();
  private changeListeners = new Set<(edited: boolean) => void>();
  private selectListeners = new Set<(sheet: string, cell: string) => void>();

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (e: MessageEvent) => this.receive(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => {
      // The worker itself failed (it did not load): every call waiting is told, none hangs.
      const err = new Error(`document worker: ${e.message || 'failed to start'}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  call<M extends Method>(method: M, args: Parameters<DocumentApi[M]>, o: CallOptions = {}): Promise<ReturnType<DocumentApi[M]>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: o.onProgress });
      this.worker.postMessage({ kind: 'call', id, method, args }, o.transfer ?? []);
    });
  }

  /** The view is to be drawn again: `edited` when the workbook changed (else only what the grid marks did). */
  onChange(l: (edited: boolean) => void): () => void {
    this.changeListeners.add(l);
    return () => this.changeListeners.delete(l);
  }

  onSelect(l: (sheet: string, cell: string) => void): () => void {
    this.selectListeners.add(l);
    return () => this.selectListeners.delete(l);
  }

  private receive(data: unknown): void {
    const parsed = ReplySchema.safeParse(data);
    if (!parsed.success) {
      console.error('document worker: a message the page does not know', parsed.error.message);
      return;
    }
    const m: Reply = parsed.data;
    if (m.kind === 'changed' || m.kind === 'redraw') {
      for (const l of this.changeListeners) l(m.kind === 'changed');
      return;
    }
    if (m.kind === 'select') {
      for (const l of this.selectListeners) l(m.sheet, m.cell);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') p.onProgress?.(m.done, m.total);
    else if (m.kind === 'part') (p.parts ??= new PartGatherer()).add(m);
    else {
      this.pending.delete(m.id);
      if (m.kind === 'error') p.reject(errorOf(m.error));
      else if (!p.parts) p.resolve(m.value);
      else {
        try {
          p.resolve(p.parts.join(m.value));
        } catch (e) {
          p.reject(e);
        }
      }
    }
  }
}

/** The workflow options without the callback, which stays here (progress comes back as messages). */
function remote(o: WorkflowOptions) {
  const { onProgress: _progress, ...rest } = o;
  return rest;
}

/** The host the pane talks to in the workbench: the workbook is in the worker; the selection is the page's. */
export class WorkerHost implements WorkbookHost {
  constructor(
    private readonly w: DocumentWorker,
    readonly name: string,
    private readonly selection: () => SelectedRange | null,
  ) {}

  /** The pane's check and apply, run in the worker beside the workbook. */
  readonly workflow: Workflow = {
    check: (_host, o) => this.w.call('check', [remote(o)], { onProgress: o.onProgress }),
    apply: (_host, o) => this.w.call('applyWorkflow', [remote(o)], { onProgress: o.onProgress }),
  };

  async read(): Promise<never> {
    // The grids stay in the worker: the pane checks through `workflow`, which reads them there.
    throw new Error('WorkerHost.read: the workbench reads the workbook in its worker (use workflow.check)');
  }
  isApplied = () => this.w.call('isApplied', []);
  apply = (plan: EditPlan, settings: NonNullable<Journal['settings']>, onProgress?: Progress) => this.w.call('apply', [plan, settings], { onProgress });
  revert = (onProgress?: Progress): Promise<RevertOutcome | null> => this.w.call('revert', [], { onProgress });
  loadSettings = (): Promise<StoredSettings | null> => this.w.call('loadSettings', []);
  saveSettings = (s: StoredSettings) => this.w.call('saveSettings', [s]);
  applyFixes = (fixes: readonly CellFix[]) => this.w.call('applyFixes', [fixes]);
  undoFixes = () => this.w.call('undoFixes', []);
  select = (address: string) => this.w.call('select', [address]);
  selectCells = (cells: readonly string[]) => this.w.call('selectCells', [cells]);
  editCell = (address: string, text: string) => this.w.call('editCell', [address, text]);
  selectedRange = async () => this.selection();
}
