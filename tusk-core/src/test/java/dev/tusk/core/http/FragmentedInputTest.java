package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser over a stream that delivers bytes in random small pieces, as TCP may: lines that span
 * reads, a buffer that must compact and grow, a body that starts in the head's last read.
 */
class FragmentedInputTest {

  private static final String REQUEST =
      "POST /p?q=1 HTTP/1.1\r\nHost: h\r\nX-Long: "
          + "L".repeat(9000)
          + "\r\nX-Empty:\r\nX-Spaced: \t v a l \t\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5;ext\r\nhello\r\n"
          + "1000\r\n"
          + "b".repeat(4096)
          + "\r\n0\r\nT: x\r\n\r\n"
          + "GET /next HTTP/1.1\r\nHost: h\r\n\r\n";

  @Test
  void parsesTheSameWhateverTheReadSizes() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      int maxPiece = round == 0 ? 1 : 1 + random.nextInt(5000);
      HttpInput in = input(new Pieces(REQUEST, maxPiece, random));
      HeadParser parser = new HeadParser(8192, 16384, 100);
      RequestHead head = parser.parse(in, Long.MAX_VALUE);
      assertThat(head.method()).isEqualTo("POST");
      assertThat(head.target()).isEqualTo("/p?q=1");
      assertThat(head.headers().first("x-long")).contains("L".repeat(9000));
      assertThat(head.headers().first("x-empty")).contains("");
      assertThat(head.headers().first("x-spaced")).contains("v a l");
      Framing framing = Framing.of(head, 1 << 20);
      byte[] body = new BodyReader(1 << 20, 16384, 100).read(in, framing, 1000);
      assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo("hello" + "b".repeat(4096));
      RequestHead next = parser.parse(in, Long.MAX_VALUE);
      assertThat(next.target()).isEqualTo("/next");
      assertThat(in.buffered()).isZero();
      assertThat(in.await()).isFalse();
    }
  }

  private static HttpInput input(InputStream stream) {
    return new HttpInput(stream, millis -> {}, Clock.systemUTC(), 16384);
  }

  /** Returns at most {@code maxPiece} bytes, a random number of them, per read. */
  private static final class Pieces extends InputStream {
    private final ByteArrayInputStream in;
    private final int maxPiece;
    private final Random random;

    Pieces(String s, int maxPiece, Random random) {
      this.in = new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
      this.maxPiece = maxPiece;
      this.random = random;
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, Math.min(len, 1 + random.nextInt(maxPiece)));
    }
  }
}
