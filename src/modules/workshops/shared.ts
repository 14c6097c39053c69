// The workshops module's entry for code on both sides: schemas, the vote distribution, types.
export * from "./schemas";
export * from "./distribution";
export type * from "./types";
