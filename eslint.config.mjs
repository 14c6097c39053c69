import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Module boundaries (docs/architecture.md): imports flow app → modules → lib, and a module uses
// another only through its public entries (@/modules/<x>, …/shared, …/client).
const OTHER_MODULE_INTERNALS = {
  regex: "^@/modules/[^/]+/(?!shared$|client$).+",
  message:
    "Import another module through its entry (@/modules/<x>, @/modules/<x>/shared or /client); inside a module, import relatively.",
};
const ROUTES = { regex: "^@/app(/|$)", message: "Only Next.js imports routes." };

/** @type {import("eslint").Linter.Config[]} */
const config = [
  {
    ignores: [
      "src/generated/**",
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "screenshots/**",
      ".e2e-data/**",
      ".preflight/**",
      "coverage/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-unused-expressions": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "smart"],
      "no-console": "off",
    },
  },
  {
    // Env is validated once in src/lib/env.ts; app code and scripts import `env` from there.
    // Test files may read test-only knobs (e.g. FC_RUNS); root configs and tests/support are tooling.
    files: ["src/**/*.{ts,tsx}", "scripts/**/*.ts"],
    ignores: ["src/lib/env.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Import `env` from @/lib/env instead of reading process.env." },
      ],
    },
  },
  {
    files: ["src/modules/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [OTHER_MODULE_INTERNALS, ROUTES] }] },
  },
  {
    // Pages may also use a module's components directly.
    files: ["src/app/**/*.{ts,tsx}", "scripts/**/*.ts", "tests/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ ...OTHER_MODULE_INTERNALS, regex: "^@/modules/[^/]+/(?!shared$|client$|components/).+" }],
        },
      ],
    },
  },
  {
    files: ["src/lib/**/*.{ts,tsx}", "src/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@/(modules|app)(/|$)", message: "lib and components know no module or route." }] },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    settings: {
      "import/resolver": { typescript: { project: "./tsconfig.json" } },
      "import/ignore": ["node_modules"],
    },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
];

export default config;
