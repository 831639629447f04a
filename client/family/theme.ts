// The theme serves every page now (client/ui/theme.ts); family pieces still import it from here.
export { NLDS, THEME as FAMILY_THEME } from '../ui/theme.ts';
