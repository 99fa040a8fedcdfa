// Development-time lint of the map page script (assets/map/js/): `npm ci && npx eslint .` here.
// The page runs in Qt WebEngine (Chromium) but is written as ES5 scripts, one IIFE per file,
// each adding one part to window.chronomap; CI checks the same shape without node
// (tests/unit/test_page_script.py).
import globals from "globals";

export default [
  {
    ignores: ["node_modules/**"]
  },
  {
    files: ["js/**/*.js"],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
      globals: {
        ...globals.browser,
        // built-ins newer than ES5 the page uses (Chromium has them)
        Promise: "readonly",
        Float64Array: "readonly",
        Int32Array: "readonly",
        Uint8Array: "readonly",
        L: "readonly",            // Leaflet, loaded before the page script
        QWebChannel: "readonly",  // qrc:///qtwebchannel/qwebchannel.js
        qt: "readonly"            // Qt WebEngine's transport object
      }
    },
    linterOptions: {
      reportUnusedDisableDirectives: "error"
    },
    rules: {
      "no-undef": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "all" }],
      "no-implicit-globals": "error",
      "no-redeclare": "error",
      "no-shadow-restricted-names": "error",
      "no-global-assign": "error",
      "no-use-before-define": ["error", { functions: false, variables: true }],
      "strict": ["error", "function"],
      "eqeqeq": "error",
      "no-var": "off"
    }
  }
];
