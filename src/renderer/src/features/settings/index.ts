// The settings feature's public face.
export { SettingsButton } from './SettingsDialog'
