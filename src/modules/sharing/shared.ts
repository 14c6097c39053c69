// Public entry of the sharing module for code on either side.
export * from "./schemas";
