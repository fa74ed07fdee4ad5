package dev.cctelemetry.store.sqlite;

/**
 * Where a record's key, {@code (message_id, request_id)}, sits in the ledger's unique index: the index holds a
 * 64-bit number per record instead of the two ids (about 60 bytes), which made writing a first sync's records a
 * quarter cheaper. The number is a hash of the key; when another key already holds it, the next number is tried,
 * and so on (open addressing), so two keys that share a hash cost a probe and never a record. A lookup probes
 * until it finds its key or a free slot, which is sound because the ledger never deletes a record (a deleted row
 * would break the chain of the keys placed past it). Part of the ledger format since schema version 4: the hash
 * must never change.
 */
interface KeySlots {

    /** FNV-1a's 64-bit prime. */
    long FNV_PRIME = 0x100000001b3L;

    /** The slots of this build: FNV-1a over the ids' UTF-16 units, a separator between them, then a final mix. */
    KeySlots STANDARD = (messageId, requestId) -> {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, messageId);
        h = (h ^ 0xFFFF) * FNV_PRIME; // not a UTF-16 unit a valid id holds: ("ab","c") and ("a","bc") differ
        h = fnv(h, requestId);
        // MurmurHash3's finalizer, so that ids differing in their last characters differ in every bit.
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    };

    /** The first slot to try for a key. */
    long first(String messageId, String requestId);

    /** The slot tried after {@code slot}. */
    static long next(long slot) {
        return slot + 1; // wraps past Long.MAX_VALUE, which is fine: any sequence that visits every number will do
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }
}
