export { ReportView } from './ReportView';
export { useReportStore } from './reportStore';
