// Public entry of the clients module for code on either side.
export * from "./schemas";
