/** What the web parts of modules depending on discuss may use. */
export { SYSTEM_MESSAGE_TEXTS, systemText } from './ui/thread/system-text';
