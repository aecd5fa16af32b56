// Escaping on the way to the terminal (see terminaloutput.h).
#include "terminaloutput.h"

#include "escaping.h"

namespace opsflow::cli {

TerminalOutput::TerminalOutput(FILE *stream) : m_stream(stream)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 TerminalOutput::readData(char * /*data*/, qint64 /*maxSize*/)
{
    return -1;
}

qint64 TerminalOutput::writeData(const char *data, qint64 size)
{
    const QString text = m_decoder(QByteArrayView(data, size));
    const QByteArray safe = escape::terminalText(text).toUtf8();
    if (std::fwrite(safe.constData(), 1, size_t(safe.size()), m_stream) != size_t(safe.size()))
        return -1;
    std::fflush(m_stream);
    return size;
}

} // namespace opsflow::cli
