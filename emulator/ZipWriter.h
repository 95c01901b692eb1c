#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace fc::emu {

// A zip archive in memory, its entries stored uncompressed: what the package export hands out.
// Any unzip reads it (PKWARE APPNOTE: local headers, central directory, end record; UTF-8 names).
class ZipWriter
{
public:
    explicit ZipWriter(QDateTime modified = QDateTime::currentDateTimeUtc());

    void add(const QString &path, const QByteArray &content);
    QByteArray finish(); // the archive; the writer is empty afterwards

    static quint32 crc32(QByteArrayView data);

private:
    QByteArray m_out;
    QByteArray m_directory;
    quint16 m_entries = 0;
    quint16 m_dosTime = 0;
    quint16 m_dosDate = 0;
};

} // namespace fc::emu
