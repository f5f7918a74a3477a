// The settings feature's public face.
export { SessionSettings, SettingsButton } from './SettingsDialog'
