// Public entry of the portfolio module for server code (services, server-side types).
// Other modules and the app import from here, not from the files behind it.
import "server-only";
export * from "./queries";
export * from "./filters";
export * from "./csv";
export { clearPortfolioCache, getPortfolioCached, getPortfolioCsvRowsCached, readDataVersion } from "./cache";
