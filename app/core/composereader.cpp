// The services of a Docker Compose file, read with just enough YAML: each service's image,
// build and ports. Separate from the walk in evidencescan.cpp: this only parses text; the
// walk turns the services into the 7.2 table and the stores they run.
#include "evidencescan.h"
#include "evidencescanparts.h"

namespace opsflow {

using namespace scanparts;

namespace {

int indentOf(const QString &line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}

bool isBlankOrComment(const QString &line)
{
    const QString t = line.trimmed();
    return t.isEmpty() || t.startsWith(QLatin1Char('#'));
}

} // namespace

QString scanparts::yamlScalar(QString value)
{
    const qsizetype comment = value.indexOf(QLatin1String(" #"));
    if (comment >= 0)
        value.truncate(comment);
    value = value.trimmed();
    if (value.size() >= 2
        && ((value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
            || (value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\''))))) {
        value = value.mid(1, value.size() - 2);
    }
    return value;
}

QList<ComposeService> scanparts::composeServices(const QString &text)
{
    static const QRegularExpression keyLine(QStringLiteral("^([\\w.-]+):\\s*(.*)$"));
    QList<ComposeService> services;
    bool inServices = false;
    int serviceIndent = -1;
    QString listKey; // the key whose "- item" lines follow
    int listIndent = -1;
    for (const QString &line : textLines(text)) {
        if (isBlankOrComment(line))
            continue;
        const int indent = indentOf(line);
        const QString t = line.trimmed();
        if (indent == 0) {
            inServices = t.startsWith(QLatin1String("services:"));
            serviceIndent = -1;
            continue;
        }
        if (!inServices)
            continue;
        if (serviceIndent < 0)
            serviceIndent = indent;
        if (indent == serviceIndent) {
            const auto m = keyLine.match(t);
            if (m.hasMatch())
                services.append({m.captured(1), {}, {}, {}});
            listKey.clear();
            continue;
        }
        if (indent < serviceIndent || services.isEmpty())
            continue;
        ComposeService &service = services.last();
        if (t.startsWith(QLatin1String("- ")) && !listKey.isEmpty() && indent >= listIndent) {
            if (listKey == QLatin1String("ports"))
                service.ports.append(yamlScalar(t.mid(2)));
            continue;
        }
        const auto m = keyLine.match(t);
        if (!m.hasMatch())
            continue;
        const QString key = m.captured(1);
        const QString value = yamlScalar(m.captured(2));
        listKey.clear();
        if (key == QLatin1String("image") && service.image.isEmpty()) {
            service.image = value;
        } else if (key == QLatin1String("build")) {
            service.build = value.isEmpty() ? QStringLiteral(".") : value;
        } else if (key == QLatin1String("context") && service.build == QLatin1String(".")) {
            service.build = value;
        } else if (key == QLatin1String("ports")) {
            if (value.startsWith(QLatin1Char('['))) {
                for (const QString &p :
                     value.mid(1).chopped(value.endsWith(QLatin1Char(']')) ? 1 : 0).split(QLatin1Char(',')))
                    if (!yamlScalar(p).isEmpty())
                        service.ports.append(yamlScalar(p));
            } else {
                listKey = key;
                listIndent = indent;
            }
        }
    }
    return services;
}

QString scanparts::imageName(QString image)
{
    image = image.section(QLatin1Char('@'), 0, 0);
    const qsizetype slash = image.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = image.lastIndexOf(QLatin1Char(':'));
    if (colon > slash)
        image.truncate(colon);
    return image.mid(slash + 1).toLower();
}

} // namespace opsflow
