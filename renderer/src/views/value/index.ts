export { ValueView } from './ValueView';
