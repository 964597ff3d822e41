// The browser's start-up: the reference app's (demos/instrumentation-client.ts). The site adds nothing here.
import '@/demos/instrumentation-client'
