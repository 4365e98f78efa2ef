package org.mlrcopilot.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mlrcopilot.sandbox.OutputCapture;
import org.mlrcopilot.sandbox.OutputListener;
import org.mlrcopilot.sandbox.OutputListener.OutputStream;

/**
 * Container output: a live follow that streams lines while the code runs, and a re-read after
 * exit that is the authoritative copy (the live follow can drop a final line without newline).
 */
final class LogReader {

    private LogReader() {}

    static ResultCallback.Adapter<Frame> follow(DockerClient client, String containerId, OutputCapture capture) {
        return client.logContainerCmd(containerId)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(true)
                .exec(callback(capture));
    }

    /** Re-reads everything the container wrote; lines the live follow missed go to the listener now. */
    static OutputCapture reread(
            DockerClient client, String containerId, long cap, OutputCapture live, OutputListener listener) {
        OutputCapture full = new OutputCapture(cap, missedBy(live, listener));
        ResultCallback.Adapter<Frame> callback = client.logContainerCmd(containerId)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(false)
                .exec(callback(full));
        try {
            callback.awaitCompletion(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        full.finish();
        return full;
    }

    private static OutputListener missedBy(OutputCapture live, OutputListener listener) {
        Map<OutputStream, Long> seen = new EnumMap<>(OutputStream.class);
        Map<OutputStream, Long> count = new EnumMap<>(OutputStream.class);
        for (OutputStream s : OutputStream.values()) {
            seen.put(s, live.lineCount(s));
            count.put(s, 0L);
        }
        return (stream, line) -> {
            if (count.merge(stream, 1L, Long::sum) > seen.get(stream)) {
                listener.onLine(stream, line);
            }
        };
    }

    private static ResultCallback.Adapter<Frame> callback(OutputCapture capture) {
        return new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                byte[] payload = frame.getPayload();
                if (payload != null && payload.length > 0) {
                    OutputStream stream =
                            frame.getStreamType() == StreamType.STDERR ? OutputStream.STDERR : OutputStream.STDOUT;
                    capture.accept(stream, payload, 0, payload.length);
                }
            }
        };
    }
}
