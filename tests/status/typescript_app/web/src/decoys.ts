/**
 * Calls that only look like calls: none of them may count.
 * tracker.refundIssued({})
 */
import { tracker } from "./orders";

// tracker.refundIssued();
/* tracker.wishlistCleared(); */
export const EXAMPLE = "tracker.refundIssued()";
export const TEMPLATE = `tracker.wishlistCleared() for ${typeof tracker}`;
