import { junitReport, markdownReport, textReport } from './report-formats';
import { ProbeErrorCode, ProbeResult } from './result';

/** What a report is made of (internal). */
export interface ProbeReportData {
  readonly planId: string;
  readonly mode: string;
  readonly results: ProbeResult[];
  readonly errorCode?: ProbeErrorCode;
  readonly errorMessage?: string;
  readonly notes: string[];
}

/**
 * The outcome of a probe run: every probed cell with its expected and observed verdict, or the cluster
 * problem that stopped the run. Exit code 0 when every cell agrees, 1 on mismatches, 2 on an error.
 */
export class ProbeReport {
  /** @internal */
  public static _create(data: ProbeReportData): ProbeReport {
    return new ProbeReport(data);
  }

  private constructor(private readonly data: ProbeReportData) {}

  /** The id of the plan that was run. */
  public get planId(): string {
    return this.data.planId;
  }

  /** `stand-ins` or `in-place`. */
  public get mode(): string {
    return this.data.mode;
  }

  /** Canaries first (deny, then allow), then the cells in plan order. */
  public get results(): ProbeResult[] {
    return this.data.results.map((r) => ({ ...r, cell: { ...r.cell } }));
  }

  /** The results that disagree with the analyzer. */
  public get mismatches(): ProbeResult[] {
    return this.results.filter((r) => !r.agrees);
  }

  /**
   * Why the run stopped early.
   *
   * @default - it did not
   */
  public get errorCode(): ProbeErrorCode | undefined {
    return this.data.errorCode;
  }

  /**
   * The message of the problem that stopped the run.
   *
   * @default - it did not stop
   */
  public get errorMessage(): string | undefined {
    return this.data.errorMessage;
  }

  /** Remarks on the run (cleanup, limits of the mode). */
  public get notes(): string[] {
    return [...this.data.notes];
  }

  /** 0 every cell agrees, 1 some disagree, 2 the run stopped on a usage or cluster problem. */
  public get exitCode(): number {
    if (this.data.errorCode !== undefined) return 2;
    return this.data.results.every((r) => r.agrees) ? 0 : 1;
  }

  /** Plain text, one line per cell and a block per mismatch. */
  public toText(): string {
    return textReport(this.data);
  }

  /** Markdown, for a pull request comment or a job summary. */
  public toMarkdown(): string {
    return markdownReport(this.data);
  }

  /** The report as plain JSON. */
  public toJson(): any {
    const d = this.data;
    return JSON.parse(JSON.stringify({
      planId: d.planId,
      mode: d.mode,
      exitCode: this.exitCode,
      errorCode: d.errorCode,
      errorMessage: d.errorMessage,
      agreed: d.results.filter((r) => r.agrees).length,
      mismatched: d.results.filter((r) => !r.agrees).length,
      notes: d.notes,
      results: d.results,
    }));
  }

  /** JUnit XML: one test case per cell, a failure per mismatch, an error when the run stopped. */
  public toJunit(): string {
    return junitReport(this.data);
  }
}
