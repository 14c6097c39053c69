// Public entry of the reports module for code on either side: the model's types and pure helpers.
export * from "./model";
