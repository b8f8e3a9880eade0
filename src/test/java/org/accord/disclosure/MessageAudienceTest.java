package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The message rules of the core (ADR 0117, 0118): the access list the store filters on says exactly
 * what {@link Tlp.Marking#allows} says, for every label, audience, author and viewer who sees the case;
 * audiences and attachment labels are checked; attachment types come from the bytes.
 */
class MessageAudienceTest {
  /** Organizations 1..4, members 10*org+1..10*org+2; 0 is "no member" (a machine token). */
  @Test
  void grantsAdmitExactlyWhomTheMarkingAllowsForViewersWhoSeeTheCase() {
    Random random = new Random(117);
    int checked = 0;
    for (int round = 0; round < 20_000; round++) {
      long author = 1 + random.nextInt(4);
      Long authorMember = random.nextBoolean() ? null : author * 10 + 1 + random.nextInt(2);
      List<Long> named = new ArrayList<>();
      for (long org = 1; org <= 4; org++) {
        if (random.nextInt(3) == 0) {
          named.add(org);
        }
      }
      MessageAudience audience = named.isEmpty() ? MessageAudience.all() : MessageAudience.of(named);
      Tlp tlp = Tlp.values()[random.nextInt(Tlp.values().length)];
      if (tlp == Tlp.AMBER_STRICT && !(audience instanceof MessageAudience.One)) {
        continue; // refused by check
      }
      Set<Long> recipients = new java.util.TreeSet<>();
      if (tlp == Tlp.RED) {
        for (long org = 1; org <= 4; org++) {
          if ((audience instanceof MessageAudience.All || audience.organizations().contains(org) || org == author) && random.nextBoolean()) {
            recipients.add(org * 10 + 1 + random.nextInt(2));
          }
        }
      }
      Tlp.Marking marking = audience.marking(tlp, author, authorMember, recipients);
      MessageAudience.Grants grants = MessageAudience.Grants.of(marking);
      for (long org = 1; org <= 4; org++) {
        for (long m : new long[] {0, org * 10 + 1, org * 10 + 2}) {
          for (boolean coordinator : new boolean[] {false, true}) {
            boolean participant = !coordinator || org <= 2; // the coordinator may or may not take part
            Tlp.Viewer viewer = Tlp.Viewer.of(org, m == 0 ? null : m, participant, coordinator);
            assertThat(grants.admits(viewer)).as("%s %s by %s/%s to %s recipients %s, viewer %s", tlp, audience, author, authorMember,
                named, recipients, viewer).isEqualTo(marking.allows(viewer, false));
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(100_000);
  }

  @Test
  void anAudienceIsOfParticipantsAndStrictGoesToOneOrganization() {
    MessageAudience group = MessageAudience.of(List.of(2L, 3L, 2L));
    assertThat(group).isInstanceOf(MessageAudience.Group.class);
    assertThat(MessageAudience.of(List.of(2L))).isEqualTo(new MessageAudience.One(2));
    assertThatThrownBy(() -> group.check(Tlp.AMBER, Tlp.AMBER, 0, Set.of(1L, 2L), List.of(2L, 3L), List.of("audience[0]", "audience[1]")))
        .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).location()).isEqualTo("audience[1]");
    assertThatThrownBy(() -> group.check(Tlp.AMBER_STRICT, Tlp.AMBER, 0, Set.of(2L, 3L), List.of(2L, 3L), List.of("a", "b")))
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("tlp");
    assertThatThrownBy(() -> MessageAudience.all().check(Tlp.GREEN, Tlp.AMBER, 0, Set.of(), List.of(), List.of()))
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("tlp");
    assertThatThrownBy(() -> MessageAudience.checkAttachment(Tlp.AMBER, Tlp.RED, MessageAudience.all(), "attachments[0].tlp"))
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("attachments[0].tlp");
    MessageAudience.checkAttachment(Tlp.AMBER, Tlp.AMBER_STRICT, new MessageAudience.One(2), "f");
  }

  @Test
  void attachmentTypesComeFromTheBytes() {
    assertThat(AttachmentType.sniff("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentType.PDF);
    assertThat(AttachmentType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(AttachmentType.JPEG);
    assertThat(AttachmentType.sniff(new byte[] {'P', 'K', 3, 4, 20, 0})).contains(AttachmentType.ZIP);
    assertThat(AttachmentType.sniff("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\"}".getBytes(StandardCharsets.UTF_8)))
        .contains(AttachmentType.CYCLONEDX);
    assertThat(AttachmentType.sniff("[1, 2]".getBytes(StandardCharsets.UTF_8))).contains(AttachmentType.JSON);
    assertThat(AttachmentType.sniff("{not json".getBytes(StandardCharsets.UTF_8))).contains(AttachmentType.TEXT);
    assertThat(AttachmentType.sniff(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0})).isEmpty();
    assertThat(AttachmentType.sniff(new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty();
    assertThat(AttachmentType.sniff(new byte[] {(byte) 0xC3, 0x28})).as("invalid UTF-8").isEmpty();
    assertThatThrownBy(() -> AttachmentType.check("a", "../../etc/passwd.txt", null, "x".getBytes(StandardCharsets.UTF_8)))
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("a.name");
    assertThat(AttachmentType.check("a", "bom.json", "application/json",
        "{\"bomFormat\": \"CycloneDX\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(AttachmentType.CYCLONEDX);
  }

  @Test
  void markdownIsRenderedWithHtmlEscapedAndOnlySafeUrls() {
    assertThat(MessageText.html("<b onclick=x>hi</b> [a](JavaScript:alert(1)) [m](mailto:psirt@example.org)"))
        .doesNotContain("<b", "javascript", "JavaScript:").contains("&lt;b onclick=x&gt;", "href=\"mailto:psirt@example.org\"");
    assertThat(MessageText.html("[x](vbscript:msgbox) [y](file:///etc/passwd)")).doesNotContain("vbscript", "file:");
    assertThatThrownBy(() -> MessageText.check("x".repeat(MessageText.MAX_CHARS + 1)))
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("body");
  }
}
