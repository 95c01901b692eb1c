#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;

namespace fc {

class ApiClient;
class CodeEditor;
struct ApiError;

// What the trigger or one action of a run received and gave: its inputs and outputs, read
// through their content links (SAS-signed, fetched without the bearer token) and shown as
// highlighted, indented JSON. A document larger than kViewBytes is cut in the view with a note;
// Save… writes the whole document as it came. Documents are kept per link while the view lives,
// so going back to an action reads nothing again.
class RunContentView : public QWidget
{
    Q_OBJECT
public:
    enum Part { Inputs, Outputs };
    static constexpr qsizetype kViewBytes = 256 * 1024;

    explicit RunContentView(ApiClient *client, QWidget *parent = nullptr);

    // Shows the inputs and outputs of `subject` (the trigger or an action, for the texts); an
    // empty link says the service gave none.
    void showContent(const QString &subject, const QString &inputsLink, const QString &outputsLink);
    // Forgets the documents read (the links of a reloaded run are new ones).
    void clearCache() { m_cache.clear(); }

    QString subject() const { return m_subject; }
    bool isLoading() const;
    QString text(Part part) const;        // what the viewer shows
    QString note(Part part) const;        // the line above it: errors, "no outputs", cut
    QByteArray document(Part part) const; // the whole document, as read
    QTabWidget *tabs() const { return m_tabs; }
    void setCurrentPart(Part part);

private:
    struct Pane
    {
        CodeEditor *editor = nullptr;
        QLabel *note = nullptr;
        QPushButton *save = nullptr;
        QPushButton *copyLink = nullptr;
        QString link;
        QByteArray document;
        quint64 call = 0;
        quint64 generation = 0; // which load an answer belongs to
    };

    QWidget *makePane(Pane &pane, Part part);
    void load(Part part, const QString &link);
    void show(Part part, const QByteArray &document);
    void fail(Part part, const ApiError &error);
    void save(Part part);
    QString partName(Part part) const;

    QPointer<ApiClient> m_client;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_title = nullptr;
    Pane m_panes[2];
    QString m_subject;
    QHash<QString, QByteArray> m_cache; // link -> document
};

} // namespace fc
