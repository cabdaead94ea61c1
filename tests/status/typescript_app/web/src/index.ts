// The Tracker re-exported under another name.
export { Tracker as Analytics } from "./tracking";
