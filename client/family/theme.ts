// The theme serves every page (client/ui/theme.ts); the destruction request card still imports it from here.
export { NLDS } from '../ui/theme.ts';
