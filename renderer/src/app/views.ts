/** The views of DESIGN.md section 10, in menu and tab order. */
export const VIEWS = [
  { id: 'fleet', label: 'Fleet', key: '1' },
  { id: 'schedule', label: 'Schedule', key: '2' },
  { id: 'value', label: 'Value', key: '3' },
  { id: 'stress', label: 'Stress', key: '4' },
  { id: 'report', label: 'Report', key: '5' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];
