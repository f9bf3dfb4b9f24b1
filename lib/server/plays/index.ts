export { createPlay, getPlay, listPlays, removePlay, setPlayEnabled, updatePlay } from "./plays";
export { assertNotPlay } from "./play-compatibility";
export { triggerPlays, type SucceededSync } from "./trigger-plays";
export { createPlayScheduler, type PlayScheduler } from "./play-scheduler";
export { tickPlay } from "./tick-play";
