#include "RunContentView.h"

#include "CodeEditor.h"
#include "api/ApiClient.h"

#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {

// Past this, a document is shown as it came: indenting megabytes on the GUI thread is not worth
// the wait when the view shows only its first kViewBytes anyway.
constexpr qsizetype kIndentBytes = 8 * 1024 * 1024;

// Indented JSON; a bare value ("hello", 42: what a Compose makes) is JSON too. Anything else
// is shown as text.
QString readable(const QByteArray &document, bool *isJson)
{
    *isJson = false;
    if (document.size() > kIndentBytes)
        return QString::fromUtf8(document.left(RunContentView::kViewBytes + 1));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(document, &error);
    if (!doc.isNull()) {
        *isJson = true;
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    }
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + document + ']', &error);
    if (wrapped.isArray() && wrapped.array().size() == 1) {
        *isJson = true;
        const QByteArray text = QJsonDocument(wrapped.array()).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(text.mid(1, text.size() - 2));
    }
    return QString::fromUtf8(document);
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

RunContentView::RunContentView(ApiClient *client, QWidget *parent) : QWidget(parent), m_client(client)
{
    setObjectName(u"runContentView"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel;
    m_title->setObjectName(u"runContentTitle"_s);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"runContentTabs"_s);
    m_tabs->addTab(makePane(m_panes[Inputs], Inputs), tr("&Inputs"));
    m_tabs->addTab(makePane(m_panes[Outputs], Outputs), tr("O&utputs"));
    m_tabs->setCurrentIndex(Outputs);
    layout->addWidget(m_tabs, 1);
    showContent({}, {}, {});
}

QWidget *RunContentView::makePane(Pane &pane, Part part)
{
    const QString name = part == Inputs ? u"Inputs"_s : u"Outputs"_s;
    auto *widget = new QWidget;
    auto *v = new QVBoxLayout(widget);
    pane.note = new QLabel;
    pane.note->setObjectName(u"content%1Note"_s.arg(name));
    pane.note->setWordWrap(true);
    pane.note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pane.editor = new CodeEditor;
    pane.editor->setObjectName(u"content%1View"_s.arg(name));
    pane.editor->setReadOnly(true);
    pane.editor->setAccessibleName(part == Inputs ? tr("Inputs") : tr("Outputs"));
    pane.save = new QPushButton(tr("&Save…"));
    pane.save->setObjectName(u"save%1Button"_s.arg(name));
    pane.save->setAccessibleName(part == Inputs ? tr("Save the inputs") : tr("Save the outputs"));
    pane.copyLink = new QPushButton(tr("Copy &link"));
    pane.copyLink->setObjectName(u"copy%1LinkButton"_s.arg(name));
    pane.copyLink->setToolTip(tr("The link is signed and works without signing in: share it with care."));
    connect(pane.save, &QPushButton::clicked, this, [this, part] { save(part); });
    connect(pane.copyLink, &QPushButton::clicked, this,
            [this, part] { QGuiApplication::clipboard()->setText(m_panes[part].link); });
    auto *row = new QHBoxLayout;
    row->addWidget(pane.note, 1);
    row->addWidget(pane.copyLink);
    row->addWidget(pane.save);
    v->addLayout(row);
    v->addWidget(pane.editor, 1);
    return widget;
}

QString RunContentView::partName(Part part) const
{
    return part == Inputs ? tr("inputs") : tr("outputs");
}

void RunContentView::showContent(const QString &subject, const QString &inputsLink,
                                 const QString &outputsLink)
{
    m_subject = subject;
    m_title->setText(subject.isEmpty()
                         ? tr("Select the trigger or an action to see what it received and gave.")
                         : tr("Inputs and outputs of %1").arg(subject));
    load(Inputs, inputsLink);
    load(Outputs, outputsLink);
}

void RunContentView::setCurrentPart(Part part)
{
    m_tabs->setCurrentIndex(part);
}

bool RunContentView::isLoading() const
{
    return m_panes[Inputs].call != 0 || m_panes[Outputs].call != 0;
}

QString RunContentView::text(Part part) const
{
    return m_panes[part].editor->toPlainText();
}

QString RunContentView::note(Part part) const
{
    return m_panes[part].note->text();
}

QByteArray RunContentView::document(Part part) const
{
    return m_panes[part].document;
}

void RunContentView::load(Part part, const QString &link)
{
    Pane &pane = m_panes[part];
    const quint64 generation = ++pane.generation;
    if (pane.call && m_client)
        m_client->cancel(pane.call);
    pane.call = 0;
    pane.link = link;
    pane.document.clear();
    pane.editor->clear();
    pane.editor->setErrorLine(0);
    pane.note->setToolTip({});
    pane.save->setEnabled(false);
    pane.copyLink->setEnabled(!link.isEmpty());
    if (m_subject.isEmpty()) {
        pane.note->clear();
        return;
    }
    if (link.isEmpty()) {
        pane.note->setText(tr("The service gave no %1 for %2 (skipped, still running, or it has none).")
                               .arg(partName(part), m_subject));
        return;
    }
    if (const auto cached = m_cache.constFind(link); cached != m_cache.cend()) {
        show(part, *cached);
        return;
    }
    if (!m_client)
        return;
    pane.note->setText(tr("Reading the %1…").arg(partName(part)));
    // An answer for what is no longer shown (another action was selected since) is dropped.
    pane.call =
        m_client->fetchContent(QUrl(link), this, [this, part, link, generation](Result<QByteArray> document) {
            Pane &p = m_panes[part];
            if (p.generation != generation)
                return;
            p.call = 0;
            if (!document) {
                fail(part, document.error());
                return;
            }
            m_cache.insert(link, document.value());
            show(part, document.value());
        });
}

void RunContentView::show(Part part, const QByteArray &document)
{
    Pane &pane = m_panes[part];
    pane.document = document;
    pane.save->setEnabled(!document.isEmpty());
    bool isJson = false;
    QString text = readable(document, &isJson);
    const bool cut = text.size() > kViewBytes;
    if (cut) {
        const qsizetype lineEnd = text.lastIndexOf(u'\n', kViewBytes);
        text.truncate(lineEnd > kViewBytes / 2 ? lineEnd : kViewBytes);
    }
    pane.editor->setPlainText(text);
    QStringList notes;
    if (cut)
        notes << tr("Too large to show whole: the first %1 of %2 are shown. Save… writes it all.")
                     .arg(sizeText(text.toUtf8().size()), sizeText(document.size()));
    else
        notes << tr("%1 (%2).").arg(m_subject, sizeText(document.size()));
    if (!isJson && document.size() <= kIndentBytes)
        notes << tr("This is not JSON; it is shown as text.");
    pane.note->setText(notes.join(u' '));
}

void RunContentView::fail(Part part, const ApiError &error)
{
    Pane &pane = m_panes[part];
    QString why;
    switch (error.kind) {
    case ApiError::Kind::Http:
        if (error.httpStatus == 403)
            why = tr("the service refused the link (403). Content links expire after a few hours: Refresh "
                     "the run for new ones.");
        else if (error.httpStatus == 404)
            why = tr("nothing is behind the link any more (404); the run's history may have been removed.");
        else
            why = tr("the service answered %1: %2").arg(error.httpStatus).arg(error.message);
        break;
    case ApiError::Kind::Cancelled:
        return; // replaced by another load
    default:
        why = error.message.isEmpty() ? error.toString() : error.message;
        break;
    }
    pane.note->setText(tr("Could not read the %1 of %2: %3").arg(partName(part), m_subject, why));
    pane.note->setToolTip(error.toString());
}

void RunContentView::save(Part part)
{
    const QByteArray document = m_panes[part].document;
    if (document.isEmpty())
        return;
    QString suggested = m_subject + u'-' + partName(part);
    suggested.replace(QRegularExpression(u"[^\\w\\-]+"_s), u"_"_s);
    auto *dialog = new QFileDialog(this, tr("Save the %1 of %2").arg(partName(part), m_subject),
                                   suggested + u".json"_s, tr("JSON files (*.json);;All files (*)"));
    dialog->setObjectName(u"saveContentDialog"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"json"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, part, document](const QString &path) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(document) != document.size() || !file.commit()) {
            m_panes[part].note->setText(tr("Could not write %1: %2").arg(path, file.errorString()));
            return;
        }
        m_panes[part].note->setText(tr("Saved %1 to %2.").arg(sizeText(document.size()), path));
    });
    dialog->open();
}

} // namespace fc
