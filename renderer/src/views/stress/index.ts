export { StressView } from './StressView';
