// The application icon draws: the SVG through Qt's SVG icon engine, as the window icon is
// drawn, and the committed hicolor PNGs at the sizes their folders promise.
#include <QGuiApplication>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QTest>

namespace {

const QString iconDir = QStringLiteral(OPSFLOW_SOURCE_DIR "/packaging/icons");
const QString appId = QStringLiteral("io.github.opsflow.OpsFlow");

} // namespace

class TestIcon : public QObject
{
    Q_OBJECT

private slots:
    void shouldDrawTheSvgIcon_data()
    {
        QTest::addColumn<int>("size");
        for (const int size : {16, 32, 64, 256})
            QTest::addRow("%d px", size) << size;
    }

    void shouldDrawTheSvgIcon()
    {
        QFETCH(int, size);
        const QIcon icon(iconDir + QLatin1Char('/') + appId + QStringLiteral(".svg"));
        QVERIFY(!icon.isNull());
        const QPixmap pixmap = icon.pixmap(QSize(size, size));
        QVERIFY(!pixmap.isNull());
        // Only a scalable engine grows a 128-unit drawing to 256 px: without the SVG icon
        // engine plugin the window icon would be missing or blurred.
        QCOMPARE(pixmap.size(), QSize(size, size));
        const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
        QVERIFY2(qAlpha(image.pixel(size / 2, size / 2)) == 255, "the centre is not opaque");
        QVERIFY2(qAlpha(image.pixel(0, 0)) == 0, "the rounded corner is not transparent");
    }

    void shouldShipEachRenderedSize_data()
    {
        QTest::addColumn<int>("size");
        for (const int size : {16, 32, 48, 64, 128, 256})
            QTest::addRow("%d px", size) << size;
    }

    void shouldShipEachRenderedSize()
    {
        QFETCH(int, size);
        const QString path = QStringLiteral("%1/hicolor/%2x%2/apps/%3.png").arg(iconDir).arg(size).arg(appId);
        QImage image;
        QVERIFY2(image.load(path), qPrintable(path));
        QCOMPARE(image.size(), QSize(size, size));
        QVERIFY(image.hasAlphaChannel());
        QVERIFY2(qAlpha(image.pixel(size / 2, size / 2)) == 255, qPrintable(path));
    }
};

QTEST_MAIN(TestIcon)
#include "tst_icon.moc"
