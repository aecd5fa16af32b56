// Standard output and error for the headless commands, made safe for a terminal: whatever a
// project file or an answer holds (ESC sequences, BEL, bidi overrides), it is printed as
// \u001b and the like, never acted on.
#pragma once

#include <QIODevice>
#include <QStringDecoder>

#include <cstdio>

namespace opsflow::cli {

// A write-only device over a C stream: UTF-8 in, terminalText() of it out. Decoding is
// stateful, so a character split across two writes is still one character.
class TerminalOutput : public QIODevice
{
public:
    explicit TerminalOutput(FILE *stream);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    FILE *m_stream;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
};

} // namespace opsflow::cli
