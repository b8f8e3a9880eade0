package org.accord.app;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.accord.disclosure.MessageAudience;
import org.accord.disclosure.MessageText;
import org.accord.store.CaseMessages.AttachmentRow;
import org.accord.store.CaseMessages.MessageRow;
import org.accord.store.CaseMessages.Reader;
import org.accord.store.CaseMessages.ThreadRow;
import org.accord.store.CaseMessages.ThreadVersion;
import org.jdbi.v3.core.Handle;

/**
 * Case threads kept in memory under their revision (ADR 0136, V27), for thread pages and unread counts:
 * a case's list of threads under its message revision, a reader's markers under its marks revision, and
 * every message of a thread with its stored access list, attachments and recipients' e-mails, read in
 * four queries when the thread's revision moved, and per reader the positions of the messages its
 * access list admits. A kept thread is handed out only for the revision the caller has just read from
 * the store (every post and edit bumps it in its transaction, also in another process), and its
 * messages are read after that revision, so it is never older than the revision it is kept under
 * ({@link Revisions}, as ADR 0111 keeps case views).
 *
 * <p>Visibility stays exact: which messages a reader sees is decided per reader by {@link
 * Reader#sees}, the same test as the store's SQL filter, on the stored access list; seeing the case at
 * all is the caller's check, made on every read. Read markers are not kept: the caller reads them on
 * every request. At most {@link #CAPACITY} threads and, per thread, {@link #READERS_PER_THREAD}
 * readers' positions are kept; beyond that a miss costs a read. Thread-safe.
 */
final class KeptThreads {
  /** The most threads kept. */
  static final int CAPACITY = 512;
  /** The most readers whose positions one kept thread holds. */
  static final int READERS_PER_THREAD = 4_096;

  /** The most cases whose thread lists, and readers whose markers, are kept. */
  static final int CASES = 256;
  static final int MARKERS = 16_384;

  private final Revisions<Long, Kept> kept = new Revisions<>(CAPACITY);
  /** Each case's threads and their revisions, under the case's message revision. */
  private final Revisions<Long, List<ThreadVersion>> threads = new Revisions<>(CASES);
  /** Each (case, reader)'s markers by thread, under the reader's marks revision in the case. */
  private final Revisions<Marks, Map<Long, Long>> markers = new Revisions<>(MARKERS);

  private record Marks(long casePk, Reader reader) {}
  /** One loader per thread at a time: readers that miss together wait for one read instead of each reading. */
  private final Object[] loading = new Object[64];

  KeptThreads() {
    for (int i = 0; i < loading.length; i++) {
      loading[i] = new Object();
    }
  }

  /**
   * The thread as of {@code version}, which the caller has just read: kept, or read now and kept unless
   * {@code handle} is in a transaction (whose reads may not be committed).
   */
  Kept get(Handle handle, ThreadVersion version) {
    long pk = version.thread().pk();
    Kept found = kept.get(pk, version.revision());
    if (found != null) {
      return found;
    }
    if (handle.isInTransaction()) {
      return new Kept(version.thread(), org.accord.store.CaseMessages.contents(handle, pk));
    }
    synchronized (loading[(int) Math.floorMod(pk, (long) loading.length)]) {
      found = kept.get(pk, version.revision());
      if (found == null) {
        found = new Kept(version.thread(), org.accord.store.CaseMessages.contents(handle, pk));
        kept.put(pk, version.revision(), found);
      }
      return found;
    }
  }

  /**
   * The case's threads with their revisions as of {@code state} (which the caller has just read): kept
   * under the case's message revision, or read now.
   */
  List<ThreadVersion> threads(Handle handle, long casePk, org.accord.store.CaseMessages.ReadState state) {
    List<ThreadVersion> found = threads.get(casePk, state.messageRevision());
    if (found == null) {
      found = List.copyOf(org.accord.store.CaseMessages.threadVersions(handle, casePk));
      if (!handle.isInTransaction()) {
        threads.put(casePk, state.messageRevision(), found);
      }
    }
    return found;
  }

  /** {@code reader}'s markers in the case by thread as of {@code state}: kept under its marks revision, or read now. */
  Map<Long, Long> markers(Handle handle, long casePk, Reader reader, org.accord.store.CaseMessages.ReadState state) {
    Marks key = new Marks(casePk, reader);
    Map<Long, Long> found = markers.get(key, state.marksRevision());
    if (found == null) {
      found = Map.copyOf(org.accord.store.CaseMessages.markers(handle, casePk, reader));
      if (!handle.isInTransaction()) {
        markers.put(key, state.marksRevision(), found);
      }
    }
    return found;
  }

  /** How many threads are kept. */
  int size() {
    return kept.size();
  }

  /** What one reader sees of a kept thread: positions of its visible messages, and the row ids of those not its own. */
  record Seen(int[] positions, long[] othersPks) {
    /** Whether the reader sees a message of the thread at all (a thread it sees none of is hidden). */
    boolean any() {
      return positions.length > 0;
    }

    /** Visible messages not the reader's own after {@code marker}: the unread count of ADR 0117. */
    int unreadAfter(long marker) {
      int at = Arrays.binarySearch(othersPks, marker);
      int upTo = at >= 0 ? at + 1 : -(at + 1);
      return othersPks.length - upTo;
    }
  }

  /** One kept message, and its HTML and description once asked for. */
  static final class Entry {
    final MessageRow row;
    final MessageAudience.Grants grants;
    final List<AttachmentRow> attachments;
    private volatile String html;
    private volatile Described described;

    Entry(MessageRow row, MessageAudience.Grants grants, List<AttachmentRow> attachments) {
      this.row = row;
      this.grants = grants;
      this.attachments = attachments;
    }

    /** The body as HTML (the thread's revision moves with every edit, so it is rendered once). */
    String html() {
      String h = html;
      if (h == null) {
        h = MessageText.html(row.body());
        html = h;
      }
      return h;
    }

    /**
     * The message as {@code describe} shows it against {@code view}: kept for the last view object asked
     * (the same object while the case's revision stays, ADR 0111), since names of audience organizations
     * come from the view. The map is unmodifiable: answers share it.
     */
    Map<String, Object> described(Cases.View view, Supplier<Map<String, Object>> describe) {
      Described d = described;
      if (d == null || d.view() != view) {
        d = new Described(view, java.util.Collections.unmodifiableMap(describe.get()));
        described = d;
      }
      return d.map();
    }
  }

  private record Described(Cases.View view, Map<String, Object> map) {}

  /** A thread's messages at one revision. */
  static final class Kept {
    final ThreadRow thread;
    final Entry[] entries;
    final Map<Long, String> emails;
    private final Map<String, Integer> byPublicId = new HashMap<>();
    private final ConcurrentHashMap<Reader, Seen> readers = new ConcurrentHashMap<>();

    Kept(ThreadRow thread, org.accord.store.CaseMessages.Contents contents) {
      this.thread = Objects.requireNonNull(thread, "thread");
      List<MessageRow> rows = contents.messages();
      this.entries = new Entry[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        MessageRow m = rows.get(i);
        entries[i] = new Entry(m, contents.grants().get(m.pk()), contents.attachments().getOrDefault(m.pk(), List.of()));
        byPublicId.put(m.publicId(), i);
      }
      this.emails = Map.copyOf(contents.emails());
    }

    /** What {@code reader} sees of the thread, worked out once per reader and kept. */
    Seen seen(Reader reader) {
      Seen s = readers.get(reader);
      if (s != null) {
        return s;
      }
      int[] positions = new int[entries.length];
      long[] others = new long[entries.length];
      int visible = 0;
      int notOwn = 0;
      for (int i = 0; i < entries.length; i++) {
        MessageRow m = entries[i].row;
        if (reader.sees(entries[i].grants)) {
          positions[visible++] = i;
          if (!reader.wrote(m.authorOrg(), m.authorMember())) {
            others[notOwn++] = m.pk();
          }
        }
      }
      s = new Seen(Arrays.copyOf(positions, visible), Arrays.copyOf(others, notOwn));
      if (readers.size() < READERS_PER_THREAD) {
        readers.putIfAbsent(reader, s);
      }
      return s;
    }

    /**
     * The index in {@code seen.positions()} just after the message {@code publicId}, if the reader sees it
     * (a hidden and an unknown message alike: -1).
     */
    int after(Seen seen, String publicId) {
      Integer at = byPublicId.get(publicId);
      if (at == null) {
        return -1;
      }
      int index = Arrays.binarySearch(seen.positions(), at);
      return index < 0 ? -1 : index + 1;
    }
  }
}
