import { register } from 'node:module';

/** Load installed ES modules without the TypeScript loader (see plain-dependencies-hook.mjs); call before they load. */
export function loadDependenciesPlainly(): void {
  register('./plain-dependencies-hook.mjs', import.meta.url);
}
