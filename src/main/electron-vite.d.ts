// electron-vite's import suffixes in main (`?modulePath`: a bundled module's path).
/// <reference types="electron-vite/node" />
