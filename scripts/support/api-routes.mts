// Prints the API's route table as JSON, `[{method, path, access}]` with paths under /api/v1, for
// the e2e suite (e2e/api/auth.spec.ts), which cannot load lib/server itself.
// Run from the project folder: node --conditions=react-server --import tsx scripts/support/api-routes.mts
import { API_BASE } from "../../lib/server/http/api-app";
import { apiRoutes } from "../../lib/server/http/routes";

console.log(JSON.stringify(apiRoutes.map(({ method, path, handler }) => ({ method, path: `${API_BASE}${path}`, access: handler.access }))));
