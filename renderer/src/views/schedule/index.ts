export { ScheduleView } from './ScheduleView';
