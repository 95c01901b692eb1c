#include "ZipWriter.h"

#include <array>

namespace fc::emu {

namespace {
void put16(QByteArray &out, quint16 v)
{
    out.append(char(v & 0xff)).append(char(v >> 8));
}

void put32(QByteArray &out, quint32 v)
{
    put16(out, quint16(v & 0xffff));
    put16(out, quint16(v >> 16));
}

// The reflected CRC-32 of zip (polynomial 0xEDB88320), one table lookup per byte.
std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int bit = 0; bit < 8; ++bit)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    return table;
}
} // namespace

ZipWriter::ZipWriter(QDateTime modified)
{
    // MS-DOS time and date, which zip entries carry (two-second steps, years from 1980).
    const QDateTime t = modified.toUTC();
    const QDate d = t.date();
    const QTime time = t.time();
    m_dosTime = quint16((time.hour() << 11) | (time.minute() << 5) | (time.second() / 2));
    m_dosDate = quint16(((std::max(d.year(), 1980) - 1980) << 9) | (d.month() << 5) | d.day());
}

quint32 ZipWriter::crc32(QByteArrayView data)
{
    static const std::array<quint32, 256> table = makeCrcTable();
    quint32 c = 0xffffffffu;
    for (const char byte : data)
        c = table[(c ^ static_cast<unsigned char>(byte)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

void ZipWriter::add(const QString &path, const QByteArray &content)
{
    const QByteArray name = path.toUtf8();
    const quint32 crc = crc32(content);
    const auto offset = quint32(m_out.size());
    const auto size = quint32(content.size());
    constexpr quint16 kVersion = 20;       // 2.0: what a stored entry needs
    constexpr quint16 kUtf8Names = 0x0800; // general purpose flag bit 11
    // Local file header, then the bytes as they are (method 0: stored).
    put32(m_out, 0x04034b50);
    put16(m_out, kVersion);
    put16(m_out, kUtf8Names);
    put16(m_out, 0);
    put16(m_out, m_dosTime);
    put16(m_out, m_dosDate);
    put32(m_out, crc);
    put32(m_out, size);
    put32(m_out, size);
    put16(m_out, quint16(name.size()));
    put16(m_out, 0);
    m_out.append(name).append(content);
    // Its central directory record.
    put32(m_directory, 0x02014b50);
    put16(m_directory, kVersion);
    put16(m_directory, kVersion);
    put16(m_directory, kUtf8Names);
    put16(m_directory, 0);
    put16(m_directory, m_dosTime);
    put16(m_directory, m_dosDate);
    put32(m_directory, crc);
    put32(m_directory, size);
    put32(m_directory, size);
    put16(m_directory, quint16(name.size()));
    put16(m_directory, 0); // extra field
    put16(m_directory, 0); // comment
    put16(m_directory, 0); // disk
    put16(m_directory, 0); // internal attributes
    put32(m_directory, 0); // external attributes
    put32(m_directory, offset);
    m_directory.append(name);
    ++m_entries;
}

QByteArray ZipWriter::finish()
{
    const auto directoryOffset = quint32(m_out.size());
    const auto directorySize = quint32(m_directory.size());
    QByteArray out = std::move(m_out);
    out.append(m_directory);
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, m_entries);
    put16(out, m_entries);
    put32(out, directorySize);
    put32(out, directoryOffset);
    put16(out, 0);
    m_out.clear();
    m_directory.clear();
    m_entries = 0;
    return out;
}

} // namespace fc::emu
