import { z } from 'zod';

// The building blocks of the contract. Each feature declares its methods in `shared/<feature>/contract.ts` with
// `query` (never writes the database) or `mutation` (may write it); `shared/contract.ts` merges the parts. The kind is what the core's
// write guard, the fuzz test and the renderer's hooks rely on: it is declared once, here, beside the schemas.

export type MethodKind = 'query' | 'mutation';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: MethodKind;
  readonly input: I;
  readonly output: O;
  /** For a method that starts a long job: the schema of the job's result (the method itself answers `JobStarted`). */
  readonly result?: z.ZodType;
  /** Callable in self-service mode, when the desk's PC is handed to a person alone (the core refuses every other one). */
  readonly selfService?: boolean;
}

/** Per-method options, declared beside the schemas like the kind. */
export interface MethodOptions {
  /** A person alone at the desk's PC (self-service mode) may call it: only the self-service screens' own methods. */
  readonly selfService?: boolean;
}

export type ContractPart = Readonly<Record<string, MethodSpec>>;

/** A method that never writes the database: it stays allowed when writes are refused. */
export function query<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: MethodOptions = {},
): MethodSpec<I, O> & { kind: 'query' } {
  return { kind: 'query', input, output, ...options };
}

/** A method that may write. */
export function mutation<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: MethodOptions = {},
): MethodSpec<I, O> & { kind: 'mutation' } {
  return { kind: 'mutation', input, output, ...options };
}

/** What a method that starts a job answers at once; progress and the result come from `jobs.get`. */
export const JobStarted = z.object({ jobId: z.uuid() });
export type JobStarted = z.infer<typeof JobStarted>;

/**
 * A method that starts long work (import, export, sync, backup) as a job: it answers `{ jobId }` at once, then
 * `jobs.get` reports progress (done/total, a translated phase), `jobs.cancel` stops it, and the job ends with a
 * result that matches `result` (checked by the core) or a typed error. Jobs may write, so they are mutations.
 */
export function job<I extends z.ZodType, R extends z.ZodType>(
  input: I,
  result: R,
  options: MethodOptions = {},
): MethodSpec<I, typeof JobStarted> & { kind: 'mutation'; result: R } {
  return { kind: 'mutation', input, output: JobStarted, result, ...options };
}

/** Inputs shared by many methods. */
export const noInput = z.object({}).strict();
export const byId = z.object({ id: z.uuid() }).strict();

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Merges the features' parts; a method name declared twice is a programming error caught when the module loads. */
export function mergeContract<const P extends readonly ContractPart[]>(...parts: P): UnionToIntersection<P[number]> {
  const merged: Record<string, MethodSpec> = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (Object.prototype.hasOwnProperty.call(merged, name))
        throw new Error(`contract method declared twice: ${name}`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<P[number]>;
}
