import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

// Community modules only (never ag-grid-enterprise). Registering twice is harmless.
ModuleRegistry.registerModules([AllCommunityModule]);

/**
 * The grid theme (Theming API, no ag-grid.css): Quartz coloured from the app's CSS variables, so
 * light and dark follow prefers-color-scheme with the rest of the window. The system font, never
 * a web font (no remote content).
 */
export const gridTheme = themeQuartz.withParams({
  backgroundColor: 'var(--panel)',
  foregroundColor: 'var(--text)',
  borderColor: 'var(--line)',
  accentColor: 'var(--accent)',
  headerBackgroundColor: 'var(--bg)',
  chromeBackgroundColor: 'var(--bg)',
  browserColorScheme: 'inherit',
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  spacing: 6,
  wrapperBorderRadius: 4,
});
